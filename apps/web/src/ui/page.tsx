import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../app/router.tsx';

interface PageProps {
  title: string;
  /** A heading other than the document title, e.g. a greeting. */
  heading?: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** Every page: sets the document title and, after a client-side navigation, moves focus to its heading. */
export function Page({ title, heading, intro, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – motcua`;
  }, [title]);
  useEffect(() => {
    if (hasNavigated()) headingRef.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </>
  );
}
