// A link to a place in the page: a real address (open in a new tab, copy, keyboard: Enter), followed
// in the page itself on a plain click, so the sandbox does not reload.
import { createContext, useContext, type ReactNode } from 'react';
import { hrefOf, isPlainClick, type Route } from './route.js';

export const Navigate = createContext<(route: Route) => void>(() => undefined);

export function Link(props: {
  to: Route;
  children: ReactNode;
  className?: string;
  testId?: string;
  current?: boolean;
}) {
  const navigate = useContext(Navigate);
  return (
    <a
      href={hrefOf(props.to)}
      className={props.className}
      data-testid={props.testId}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
