import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { can, grantReaches, type PathStep } from './access.ts';
import { PERMISSIONS, ROLES, ROLE_DEFINITIONS, roleAllows } from './roles.ts';

const vn: PathStep = { id: 'vn', kind: 'country' };
const province: PathStep = { id: 'p68', kind: 'province' };
const district: PathStep = { id: 'd676', kind: 'district' };
const communeA: PathStep = { id: 'cA', kind: 'commune' };
const communeB: PathStep = { id: 'cB', kind: 'commune' };
const pascA: PathStep = { id: 'pascA', kind: 'pasc' };
const deptInPascA: PathStep = { id: 'deptA', kind: 'department' };

const paths = {
  vn: [vn],
  province: [vn, province],
  district: [vn, province, district],
  communeA: [vn, province, district, communeA],
  communeB: [vn, province, district, communeB],
  pascA: [vn, province, district, communeA, pascA],
  deptA: [vn, province, district, communeA, pascA, deptInPascA],
};

test('a receptionist of commune A reaches A and the service centre inside it, never commune B', () => {
  const grant = { role: 'receptionist' as const, unitId: 'cA' };
  assert.equal(grantReaches(grant, paths.communeA), true);
  assert.equal(grantReaches(grant, paths.pascA), true);
  assert.equal(grantReaches(grant, paths.deptA), true);
  assert.equal(grantReaches(grant, paths.communeB), false);
  assert.equal(grantReaches(grant, paths.district), false);
});

test('a unit-reach role does not cross into an administrative unit below its own', () => {
  const grant = { role: 'specialist' as const, unitId: 'd676' };
  assert.equal(grantReaches(grant, paths.district), true);
  assert.equal(grantReaches(grant, paths.communeA), false);
});

test('a subtree role of the district reaches every commune below it but not the province', () => {
  const grant = { role: 'leader' as const, unitId: 'd676' };
  assert.equal(grantReaches(grant, paths.communeA), true);
  assert.equal(grantReaches(grant, paths.communeB), true);
  assert.equal(grantReaches(grant, paths.province), false);
});

test('only administrators manage units and users or read the audit trail', () => {
  for (const role of ROLES) {
    assert.equal(roleAllows(role, 'units.manage'), role === 'admin', role);
    assert.equal(roleAllows(role, 'users.manage'), role === 'admin', role);
    assert.equal(roleAllows(role, 'audit.read'), role === 'admin', role);
    assert.equal(roleAllows(role, 'units.read'), true, role);
  }
});

const pathArb = fc.constantFrom(...Object.values(paths));
const grantArb = fc.record({
  role: fc.constantFrom(...ROLES),
  unitId: fc.constantFrom(...Object.values(paths).map((p) => p.at(-1)!.id), 'elsewhere'),
});

test('property: no grant ever reaches a unit outside the subtree it was granted on', () => {
  fc.assert(
    fc.property(grantArb, pathArb, (grant, path) => {
      if (grantReaches(grant, path)) assert.ok(path.some((step) => step.id === grant.unitId));
    }),
  );
});

test('property: can() is exactly "some grant allows the permission and reaches the unit"', () => {
  fc.assert(
    fc.property(
      fc.array(grantArb, { maxLength: 4 }),
      fc.constantFrom(...PERMISSIONS),
      pathArb,
      (grants, permission, path) => {
        const expected = grants.some((g) => roleAllows(g.role, permission) && grantReaches(g, path));
        assert.equal(can(grants, permission, path), expected);
      },
    ),
  );
});

test('property: adding a grant never removes access (monotonic)', () => {
  fc.assert(
    fc.property(
      fc.array(grantArb, { maxLength: 3 }),
      grantArb,
      fc.constantFrom(...PERMISSIONS),
      pathArb,
      (grants, extra, permission, path) => {
        if (can(grants, permission, path)) assert.equal(can([...grants, extra], permission, path), true);
      },
    ),
  );
});

test('every role has a reach and at least one permission', () => {
  for (const role of ROLES) {
    assert.ok(['unit', 'subtree'].includes(ROLE_DEFINITIONS[role].reach));
    assert.ok(ROLE_DEFINITIONS[role].permissions.length > 0);
  }
});
