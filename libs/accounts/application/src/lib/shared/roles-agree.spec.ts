import * as contracts from '@guichet/accounts/contracts';
import * as domain from '@guichet/accounts/domain';

// The domain may import only the kernel, so the role names are declared twice: in the context's public
// language (contracts) and in the domain. The application layer sees both and checks they agree.
describe('role names', () => {
  it.each([
    ['ROLES', contracts.ROLES, domain.ROLES],
    ['STAFF_ROLES', contracts.STAFF_ROLES, domain.STAFF_ROLES],
    ['SELF_SERVICE_ROLES', contracts.SELF_SERVICE_ROLES, domain.SELF_SERVICE_ROLES],
  ])('%s are the same in contracts and domain', (_name, published, internal) => {
    expect([...published]).toEqual([...internal]);
  });
});
