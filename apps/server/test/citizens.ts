import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from './app.ts';
import { multipart, type Part } from './multipart.ts';
import { scan } from './uploads.ts';

/** Signs a citizen in with a one-time code taken from the test's mailbox, as the portal does. */
export async function citizenSignIn(
  t: TestApp,
  codes: Map<string, string>,
  destination: string,
  fullName?: string,
): Promise<Session> {
  const inject = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.server.inject({
      method: method as 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers,
    });
  assert.equal((await inject('POST', '/api/citizen/codes', { destination })).statusCode, 202);
  const key = destination.includes('@')
    ? destination.toLowerCase()
    : `+84${destination.replace(/\D/g, '').slice(1)}`;
  const response = await inject('POST', '/api/citizen/sessions', {
    destination,
    code: codes.get(key)!,
    ...(fullName ? { fullName } : {}),
  });
  assert.equal(response.statusCode, 200, response.body);
  const cookie = response.cookies.find((c) => c.name === 'motcua_citizen')!;
  assert.equal(cookie.httpOnly, true);
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const jar = `motcua_citizen=${cookie.value}`;
  return {
    cookie: jar,
    csrfToken,
    request: (method, url, body, headers = {}): Promise<LightMyRequestResponse> =>
      inject(method, url, body, { cookie: jar, 'x-csrf-token': csrfToken, ...headers }),
  };
}

const NOT_CONTENT = [
  'code',
  'versionId',
  'version',
  'validFrom',
  'changedBy',
  'changeNote',
  'timeUnitUnstated',
];

/** A procedure as GET returns it, cut to the content a PUT takes (also used by the browser journey). */
export const procedureContent = (current: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(current).filter(([k]) => !NOT_CONTENT.includes(k)));

/** An administrator marks a procedure as a full online service (a new version of its content). */
export async function offerFullOnline(admin: Session, code: string): Promise<void> {
  const current = (await admin.request('GET', `/api/procedures/${code}`)).json<Record<string, unknown>>();
  const response = await admin.request('PUT', `/api/procedures/${code}`, {
    ...procedureContent(current),
    onlineLevel: 'full',
    changeNote: 'dịch vụ công trực tuyến toàn trình',
  });
  assert.equal(response.statusCode, 200, response.body);
}

/** A birth registration (1.001193) as the portal's form sends it. */
export async function birthFiling(
  unitId: string,
  overrides: { parts?: Part[]; files?: Part[]; returnChannel?: string } = {},
): Promise<Part[]> {
  const fields: Record<string, string> = {
    procedureCode: '1.001193',
    receivingUnitId: unitId,
    returnChannel: overrides.returnChannel ?? 'online',
    'applicant.kind': 'person',
    'applicant.full_name': 'Nguyễn Thị Hoa',
    'applicant.id_number': '068190001234',
    'applicant.email': 'hoa.nguyen@example.vn',
    'applicant.address': 'Thôn Đinh Văn, xã Đinh Văn Lâm Hà, Lâm Đồng',
    'field.child_full_name': 'Trần Gia An',
    'field.birth_date': '2026-11-20',
    'field.sex': 'nu',
    'field.ethnicity': 'Kinh',
    'field.nationality': 'Việt Nam',
    'field.birth_place': 'Trung tâm Y tế Lâm Hà',
    'field.mother_full_name': 'Nguyễn Thị Hoa',
    'field.relationship': 'me',
  };
  const parts: Part[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  const files = overrides.files ?? [
    {
      name: 'doc_1',
      file: {
        bytes: await scan('Giấy chứng sinh'),
        fileName: 'giay-chung-sinh.pdf',
        type: 'application/pdf',
      },
    },
    {
      name: 'doc_2',
      file: { bytes: await scan('Căn cước'), fileName: 'can-cuoc.pdf', type: 'application/pdf' },
    },
  ];
  return [...parts, ...(overrides.parts ?? []), ...files];
}

export const postParts = (s: Session, url: string, parts: Part[]) => {
  const { body, headers } = multipart(parts);
  return s.request('POST', url, body, headers);
};
