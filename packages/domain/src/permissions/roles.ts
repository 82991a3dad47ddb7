/**
 * Staff roles and what each may do. A role is granted at a unit; `subtree` roles also reach the
 * administrative units below it (a district leader watches the communes), `unit` roles reach only their unit
 * and the organisations inside it (its Public Administrative Service Centre and departments).
 */
export const ROLES = ['receptionist', 'specialist', 'leader', 'ioc_operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'units.read',
  'units.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'procedures.manage',
  'calendar.manage',
  'applications.read',
  'applications.receive',
  // Personal digital signature on a result (lãnh đạo ký số).
  'documents.sign',
  // The organisation's digital signature (seal) and the outgoing-documents register (văn thư).
  'documents.seal',
  // PKCS#12 signing keys and the roots verification trusts.
  'signing.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Reach = 'unit' | 'subtree';

interface RoleDefinition {
  readonly reach: Reach;
  readonly permissions: readonly Permission[];
}

export const ROLE_DEFINITIONS = {
  // Cán bộ một cửa: receives and returns at the counter of one unit.
  // The unit's seal key is held at the desk: communes have no separate clerk (văn thư) role in motcua yet.
  receptionist: {
    reach: 'unit',
    permissions: ['units.read', 'applications.read', 'applications.receive', 'documents.seal'],
  },
  // Chuyên viên: processes applications assigned to their department.
  specialist: { reach: 'unit', permissions: ['units.read', 'applications.read'] },
  // Lãnh đạo: approves and signs; watches the units below.
  leader: {
    reach: 'subtree',
    permissions: ['units.read', 'users.read', 'applications.read', 'documents.sign'],
  },
  // Cán bộ vận hành IOC: watches the whole area of the operation centre.
  ioc_operator: { reach: 'subtree', permissions: ['units.read', 'applications.read'] },
  // Quản trị: units, users, roles, audit.
  admin: {
    reach: 'subtree',
    permissions: [
      'units.read',
      'units.manage',
      'users.read',
      'users.manage',
      'audit.read',
      'procedures.manage',
      'calendar.manage',
      'signing.manage',
    ],
  },
} as const satisfies Record<Role, RoleDefinition>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleReach(role: Role): Reach {
  return ROLE_DEFINITIONS[role].reach;
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return (ROLE_DEFINITIONS[role].permissions as readonly Permission[]).includes(permission);
}
