import type { Notification, NotificationList } from '@motcua/contracts/notifications';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../app/api.ts';

/** The signed-in user's inbox, shared by the header's count and the inbox page. */
export interface InboxState {
  loaded: boolean;
  items: Notification[];
  unread: number;
  error: unknown;
}

const EMPTY: InboxState = { loaded: false, items: [], unread: 0, error: null };
let state = EMPTY;
const listeners = new Set<() => void>();

function update(next: InboxState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function refreshInbox(): Promise<void> {
  try {
    const list = await api.get<NotificationList>('/api/notifications');
    update({ loaded: true, items: list.items, unread: list.unread, error: null });
  } catch (error) {
    update({ ...state, loaded: true, error });
  }
}

export async function markRead(id: string): Promise<void> {
  await api.post(`/api/notifications/${encodeURIComponent(id)}/read`);
  await refreshInbox();
}

/** Forgets the inbox (sign-out): the next user must not see the previous count. */
export function clearInbox(): void {
  update(EMPTY);
}

/** The inbox, loaded on mount and then every `pollMs` when given. */
export function useInbox(pollMs?: number): InboxState {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    void refreshInbox();
    if (!pollMs) return;
    const timer = setInterval(() => void refreshInbox(), pollMs);
    return () => clearInterval(timer);
  }, [pollMs]);
  return snapshot;
}
