/**
 * Administrative units and the organisations inside them.
 * The root is the country (where a system administrator's role is granted). Kinds follow the GSO list (tỉnh / huyện / xã, phường, thị trấn, đặc khu) plus the two organisational kinds
 * the one-stop rules need: the Public Administrative Service Centre (Trung tâm Phục vụ hành chính công,
 * Decree 118/2025 art. 10) and a department (phòng, ban) of a People's Committee.
 */
export const ADMINISTRATIVE_KINDS = [
  'country',
  'province',
  'district',
  'commune',
  'ward',
  'town',
  'special_zone',
] as const;
export const ORGANISATION_KINDS = ['pasc', 'department'] as const;
export const UNIT_KINDS = [...ADMINISTRATIVE_KINDS, ...ORGANISATION_KINDS] as const;

export type AdministrativeKind = (typeof ADMINISTRATIVE_KINDS)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];

export function isAdministrativeKind(kind: UnitKind): kind is AdministrativeKind {
  return (ADMINISTRATIVE_KINDS as readonly string[]).includes(kind);
}

/** Which kinds may sit directly under which: three-level (to 30/6/2025) and two-level (from 1/7/2025). */
const ALLOWED_PARENTS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  country: [null],
  province: ['country'],
  district: ['province'],
  commune: ['province', 'district'],
  ward: ['province', 'district'],
  town: ['district'],
  special_zone: ['province'],
  pasc: ['province', 'district', 'commune', 'ward', 'special_zone'],
  department: ['province', 'district', 'commune', 'ward', 'town', 'special_zone', 'pasc', 'department'],
};

export function canNest(kind: UnitKind, parentKind: UnitKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

/** Dates are ISO `YYYY-MM-DD` strings; both ends are inclusive (a unit abolished on 1/7/2025 has validTo 2025-06-30). */
export function isValidOn(unit: Validity, date: string): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date <= unit.validTo)
  );
}

export function validityProblem(unit: Validity): string | undefined {
  if (unit.validFrom !== null && unit.validTo !== null && unit.validTo < unit.validFrom) {
    return 'validTo is before validFrom';
  }
  return undefined;
}

/** A child must lie within its parent's validity: a commune cannot outlive the district it belongs to. */
export function fitsWithin(child: Validity, parent: Validity): boolean {
  const startsInside =
    parent.validFrom === null || (child.validFrom !== null && child.validFrom >= parent.validFrom);
  const endsInside = parent.validTo === null || (child.validTo !== null && child.validTo <= parent.validTo);
  return startsInside && endsInside;
}
