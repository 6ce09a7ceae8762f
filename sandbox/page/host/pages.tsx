// `@hubspot/ui-extensions/pages` in the preview: the page router the app pages use, with the page's
// location held here (the sandbox page sets it from its address; PageLink asks the sandbox to move).
// Implemented: exact paths, an index route, a catch-all, layouts — what Handoff's pages declare.
import {
  Children,
  createContext,
  isValidElement,
  useContext,
  useSyncExternalStore,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import type {
  AnyRouteProps,
  IndexRouteProps,
  MatchedPageRoute,
  PageLinkProps,
  PageRoutesProps,
  RouteProps,
} from '@hubspot/ui-extensions/pages';
import { checkProps } from './props.js';

let current: MatchedPageRoute = { path: '/', params: {} };
const listeners = new Set<() => void>();
let navigator: ((path: string) => void) | undefined;

/** The sandbox page's side: where the app pages are, and who moves them when a PageLink is used. */
export const pageLocation = {
  set(path: string): void {
    if (current.path === path) return;
    current = { path, params: {} };
    for (const listener of listeners) listener();
  },
  onNavigate(navigate: ((path: string) => void) | undefined): void {
    navigator = navigate;
  },
};

function useLocation(): MatchedPageRoute {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

export function PageRoutes(_props: PageRoutesProps): null {
  return null;
}
PageRoutes.IndexRoute = function IndexRoute(_props: IndexRouteProps): null {
  return null;
};
PageRoutes.Route = function Route(_props: RouteProps): null {
  return null;
};
PageRoutes.AnyRoute = function AnyRoute(_props: AnyRouteProps): null {
  return null;
};

interface Entry {
  /** null: the catch-all. */
  path: string | null;
  component: ComponentType;
  id?: string;
  layouts: ComponentType<{ children: ReactNode }>[];
}

function flatten(element: ReactElement, prefix: string, layouts: Entry['layouts']): Entry[] {
  if (element.type === PageRoutes) {
    const props = element.props as PageRoutesProps;
    const inner = props.layoutComponent ? [...layouts, props.layoutComponent] : layouts;
    return Children.toArray(props.children).flatMap((child) =>
      isValidElement(child) ? flatten(child, prefix + (props.path ?? ''), inner) : [],
    );
  }
  const props = element.props as Partial<RouteProps> & IndexRouteProps;
  const common = { component: props.component, layouts, ...(props.id ? { id: props.id } : {}) };
  if (element.type === PageRoutes.IndexRoute) return [{ path: prefix || '/', ...common }];
  if (element.type === PageRoutes.Route) return [{ path: prefix + (props.path ?? ''), ...common }];
  if (element.type === PageRoutes.AnyRoute) return [{ path: null, ...common }];
  throw new Error('createPageRouter takes PageRoutes and its routes only.');
}

const RouteContext = createContext<MatchedPageRoute>(current);

export function createPageRouter(routes: ReactElement<PageRoutesProps>): ComponentType {
  const table = flatten(routes, '', []);
  return function PageRouter() {
    const location = useLocation();
    const entry = table.find((e) => e.path === location.path) ?? table.find((e) => e.path === null);
    if (!entry) return <p className="hs-text">This app page does not exist.</p>;
    let node: ReactNode = <entry.component />;
    for (const Layout of [...entry.layouts].reverse()) node = <Layout>{node}</Layout>;
    return (
      <RouteContext.Provider value={{ ...location, ...(entry.id ? { routeId: entry.id } : {}) }}>
        {node}
      </RouteContext.Provider>
    );
  };
}

export function usePageRoute(): MatchedPageRoute {
  return useContext(RouteContext);
}

export function PageLink(props: PageLinkProps) {
  checkProps('PageLink', props, ['to', 'params', 'testId']);
  const location = useLocation();
  const here = location.path === props.to;
  return (
    <a
      className={here ? 'hs-page-link active' : 'hs-page-link'}
      href={props.to}
      aria-current={here ? 'page' : undefined}
      data-testid={props.testId}
      onClick={(event) => {
        event.preventDefault();
        if (navigator) navigator(props.to);
        else pageLocation.set(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
