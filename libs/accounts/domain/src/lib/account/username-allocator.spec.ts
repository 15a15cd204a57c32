import { UsernameTaken } from './accounts.errors';
import { MAX_USERNAME_CANDIDATES, UsernameAllocator } from './username-allocator';
import { UsernameAvailability } from './username-availability';
import { Username } from './username.value-object';

class TakenUsernames extends UsernameAvailability {
  readonly asked: string[] = [];
  constructor(private readonly taken: Set<string>) {
    super();
  }
  async isAvailable(username: Username): Promise<boolean> {
    this.asked.push(username.value);
    return !this.taken.has(username.value);
  }
}

describe('UsernameAllocator', () => {
  const base = Username.parse('ethc003');

  it('keeps the derived username when it is free', async () => {
    expect((await new UsernameAllocator(new TakenUsernames(new Set())).allocate(base)).value).toBe('ethc003');
  });

  it('gives ethc003-2 to the second Claude Ethier of series 003', async () => {
    expect((await new UsernameAllocator(new TakenUsernames(new Set(['ethc003']))).allocate(base)).value).toBe('ethc003-2');
  });

  it('takes the first free suffix, in order', async () => {
    const availability = new TakenUsernames(new Set(['ethc003', 'ethc003-2', 'ethc003-3']));
    expect((await new UsernameAllocator(availability).allocate(base)).value).toBe('ethc003-4');
    expect(availability.asked).toEqual(['ethc003', 'ethc003-2', 'ethc003-3', 'ethc003-4']);
  });

  it('gives up with UsernameTaken after the last candidate', async () => {
    const taken = new Set(['ethc003', ...Array.from({ length: MAX_USERNAME_CANDIDATES - 1 }, (_, i) => `ethc003-${i + 2}`)]);
    await expect(new UsernameAllocator(new TakenUsernames(taken)).allocate(base)).rejects.toBeInstanceOf(UsernameTaken);
  });
});
