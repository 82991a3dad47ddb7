import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, storeLabel, type TestStore } from '../../../test/store.ts';
import { seedDemoUsers, seedUnits } from '../seed/seed.service.ts';
import { documentsRepository } from './documents.repository.ts';

describe(`documents repository (${storeLabel})`, () => {
  let testStore: TestStore;
  const db = () => testStore.store.db;
  before(async () => {
    testStore = await createTestStore();
    await seedUnits(db());
    await seedDemoUsers(db(), 'test-demo-password');
  });
  after(() => testStore.dispose());

  test('userFullNames gives the names of the ids it knows, and nothing for none', async () => {
    const users = await db().selectFrom('users').select(['id', 'full_name']).execute();
    assert.ok(users.length >= 2);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const names = await documentsRepository.userFullNames(db(), [users[0]!.id, users[1]!.id, unknown]);
    assert.deepEqual(
      names,
      new Map([
        [users[0]!.id, users[0]!.full_name],
        [users[1]!.id, users[1]!.full_name],
      ]),
    );
    assert.equal((await documentsRepository.userFullNames(db(), [])).size, 0);
  });
});
