// Who the preview host signs requests for (the viewer switch) and where extensions register.
let viewerId = '';
export const session = {
  get viewerId() {
    return viewerId;
  },
  setViewer(id: string) {
    viewerId = id;
  },
};

type Render = (api: { context: unknown; actions: unknown }) => unknown;
const extensions = new Map<string, Render>();
let loading: string | undefined;

/** Called by the page right before importing an entry file, so its `hubspot.extend` lands under `name`. */
export function expectExtension(name: string): void {
  loading = name;
}

export function extend(render: Render): void {
  if (!loading)
    throw new Error('hubspot.extend was called outside an entry file the preview loads.');
  extensions.set(loading, render);
  loading = undefined;
}

export function extension(name: string): Render {
  const render = extensions.get(name);
  if (!render) throw new Error(`No extension "${name}" registered.`);
  return render;
}
