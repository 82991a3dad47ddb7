import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';

export interface ReportState<T> {
  loading: boolean;
  data: T | null;
  error: unknown;
}

/**
 * GET `path` whenever it changes, or `version` does (the same address read again after a change);
 * null fetches nothing (no unit or an invalid period).
 */
export function useReport<T>(path: string | null, version = 0): ReportState<T> {
  const [state, setState] = useState<ReportState<T>>({ loading: path !== null, data: null, error: null });
  useEffect(() => {
    if (path === null) {
      setState({ loading: false, data: null, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api.get<T>(path, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ loading: false, data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ loading: false, data: null, error });
      },
    );
    return () => controller.abort();
  }, [path, version]);
  return state;
}
