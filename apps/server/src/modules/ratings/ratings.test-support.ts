import assert from 'node:assert/strict';
import { counterFile, type Session, type TestApp } from '../../../test/app.ts';

/** Vietnam local time "YYYY-MM-DD HH:mm" as an instant. */
export const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

export interface FileRef {
  id: string;
  code: string;
  lookupKey: string;
  version: number;
  state: string;
}

export interface Desk {
  desk: Session;
  specialist: Session;
  leader: Session;
  pascId: string;
  communeId: string;
  specialistId: string;
}

/** Walks files through the workflow the way the officers do, over HTTP. */
export function workflow(d: Desk) {
  const step = async (s: Session, app: FileRef, action: string, extra: Record<string, unknown> = {}) => {
    const response = await s.request('POST', `/api/applications/${app.id}/actions`, {
      action,
      version: app.version,
      ...extra,
    });
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    return response.json<{ application: FileRef }>().application;
  };
  const intake = async (applicant: Record<string, unknown> = {}) => {
    const body = counterFile(d.pascId);
    const response = await d.desk.request('POST', '/api/applications', {
      ...body,
      applicant: { ...body.applicant, ...applicant },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ application: FileRef }>().application;
  };
  const processing = async (app: FileRef) => {
    const transferred = await step(d.desk, app, 'transfer', { decidingUnitId: d.communeId });
    return step(d.leader, transferred, 'assign', { assigneeId: d.specialistId });
  };
  /** Processing, approved and handed over at the counter, all at the clock's current time. */
  const finish = async (app: FileRef) => {
    let next = await processing(app);
    next = await step(d.specialist, next, 'submit_for_approval');
    next = await step(d.leader, next, 'approve');
    return step(d.desk, next, 'return_result', { channel: 'counter' });
  };
  return { step, intake, processing, finish, returned: async () => finish(await intake()) };
}

/** PUT /api/ratings/{code} as the citizen's browser does (no cookie). */
export const rate = (t: TestApp, app: Pick<FileRef, 'code' | 'lookupKey'>, body: Record<string, unknown>) =>
  t.app.server.inject({
    method: 'PUT',
    url: `/api/ratings/${encodeURIComponent(app.code)}`,
    payload: { key: app.lookupKey, source: 'link', ...body },
  });

export const ratingState = (t: TestApp, app: Pick<FileRef, 'code' | 'lookupKey'>) =>
  t.app.server.inject({
    method: 'GET',
    url: `/api/ratings/${encodeURIComponent(app.code)}?key=${encodeURIComponent(app.lookupKey)}`,
  });
