import { ACCOUNTS_PERMISSIONS, hasPermission, isRole, isSelfServiceRole, isStaffRole, ROLE_LABELS, ROLES, STAFF_ROLES } from './roles';

describe('roles', () => {
  it('lists the eleven roles of the issue, six of them staff', () => {
    expect(ROLES).toHaveLength(11);
    expect(STAFF_ROLES).toEqual(['admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff', 'finance']);
    expect(ROLES.filter(isStaffRole)).toEqual([...STAFF_ROLES]);
  });

  it('recognises role names', () => {
    expect(isRole('trainer')).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isSelfServiceRole('owner')).toBe(true);
    expect(isSelfServiceRole('trainer')).toBe(false);
  });

  it('labels each role in French and English', () => {
    expect(ROLE_LABELS.trainer).toEqual({ fr: 'Formateur / moniteur', en: 'Trainer' });
    for (const role of ROLES) expect(ROLE_LABELS[role].en).not.toBe('');
  });

  it('grants staff permissions by role', () => {
    expect(hasPermission(['admin'], 'accounts.read-audit-log')).toBe(true);
    expect(hasPermission(['card-clerk'], 'accounts.import-trainers')).toBe(true);
    expect(hasPermission(['finance'], 'accounts.import-trainers')).toBe(false);
    expect(hasPermission(['trainer', 'guardian'], 'accounts.search')).toBe(false);
    expect(Object.values(ACCOUNTS_PERMISSIONS).every((roles) => roles.includes('admin'))).toBe(true);
  });
});
