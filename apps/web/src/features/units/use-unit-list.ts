import type { Unit, UnitList } from '@motcua/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';

export interface UnitListState {
  loading: boolean;
  items: Unit[];
  error: unknown;
}

/** GET `path` (a /api/units URL) whenever it or reloadKey changes; null fetches nothing. */
export function useUnitList(path: string | null, reloadKey: number): UnitListState {
  const [state, setState] = useState<UnitListState>({ loading: path !== null, items: [], error: null });

  useEffect(() => {
    if (path === null) {
      setState({ loading: false, items: [], error: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    api.get<UnitList>(path, controller.signal).then(
      (list) => {
        if (!controller.signal.aborted) setState({ loading: false, items: list.items, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ loading: false, items: [], error });
      },
    );
    return () => controller.abort();
  }, [path, reloadKey]);

  return state;
}
