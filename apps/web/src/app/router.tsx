import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A tiny History API router: the path is the state, links push it, the back button pops it. */
export const ROUTES = {
  login: '/dang-nhap',
  home: '/',
  units: '/don-vi',
  password: '/doi-mat-khau',
  intake: '/tiep-nhan',
  queue: '/ho-so',
  lookup: '/tra-cuu',
  inbox: '/thong-bao',
  verify: '/xac-minh',
  digitization: '/bao-cao/so-hoa',
  satisfaction: '/bao-cao/hai-long',
  statistics: '/bao-cao/thong-ke',
  serviceIndex: '/bao-cao/chi-so-766',
} as const;

export function applicationPath(id: string): string {
  return `${ROUTES.queue}/${encodeURIComponent(id)}`;
}

/** The id in `/ho-so/:id`, or null for another path. */
export function matchApplication(path: string): string | null {
  const match = /^\/ho-so\/([^/]+)$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The query string of the current address (read once when a page opens). */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

const listeners = new Set<() => void>();
let navigated = false;

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  navigated = true;
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentPath(): string {
  const path = window.location.pathname;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentPath() + window.location.search) return;
  if (options.replace) {
    // A redirect, not a move by the user: it must not pull focus away from where the page starts.
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
    navigated = true;
  }
  notify();
}

/** True once the user has moved from the first page: pages then take focus to announce themselves. */
export function hasNavigated(): boolean {
  return navigated;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const path = usePath();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} aria-current={path === to ? 'page' : undefined} onClick={handleClick} {...rest} />;
}
