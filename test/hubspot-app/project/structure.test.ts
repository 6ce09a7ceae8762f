// The HubSpot project checked offline: HubSpot's own translate (which silently drops a broken file,
// so every expected uid must be present) and our zod checks of each *-hsmeta.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { translate } from '@hubspot/project-parsing-lib/translate';
import {
  collectFileDependencies,
  findAndParsePackageJsonFiles,
} from '@hubspot/project-parsing-lib/workspaces';
import { BACKEND_ORIGIN, optionalScopes, requiredScopes } from '../../../hubspot-app/scopes.js';
import { BACKEND_URL as CARD_BACKEND } from '../../../hubspot-app/src/app/cards/client.js';
import { BACKEND_URL as SETTINGS_BACKEND } from '../../../hubspot-app/src/app/settings/api.js';
import { BACKEND_URL as PAGES_BACKEND } from '../../../hubspot-app/src/app/pages/client.js';
import { APP_ROOT, SRC } from './paths.js';

const EXPECTED_UIDS = [
  'handoff_app',
  'handoff_card',
  'handoff_pages',
  'handoff_settings',
  'handoff_webhooks',
];

const Https = z.string().regex(/^https:\/\/[^/\s]+(\/\S*)?$/, 'must be an https URL');
const Uid = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const Entrypoint = z.string().regex(/^\/app\/[\w/-]+\.(tsx|jsx|ts|js)$/);

const App = z.object({
  uid: Uid,
  type: z.literal('app'),
  config: z.object({
    name: z.string().min(1),
    description: z.string().min(1),
    distribution: z.literal('marketplace'),
    auth: z.object({
      type: z.literal('oauth'),
      redirectUrls: z.array(Https).min(1),
      requiredScopes: z.array(z.string()),
      optionalScopes: z.array(z.string()),
      conditionallyRequiredScopes: z.array(z.string()),
    }),
    permittedUrls: z.object({
      fetch: z.array(Https).min(1),
      iframe: z.array(Https),
      img: z.array(Https),
    }),
    support: z.object({ supportEmail: z.email() }),
  }),
});
const CardMeta = z.object({
  uid: Uid,
  type: z.literal('card'),
  config: z.object({
    name: z.string().min(1),
    location: z.enum(['crm.record.tab', 'crm.record.sidebar']),
    entrypoint: Entrypoint,
    // The app cards reference's example places a card on "contacts"; Handoff's card goes on the
    // three objects whose seams it follows.
    // https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensions/extension-points/app-cards/reference
    objectTypes: z.array(z.enum(['contacts', 'deals', 'companies'])).min(1),
  }),
});
const SettingsMeta = z.object({
  uid: Uid,
  type: z.literal('settings'),
  config: z.object({ entrypoint: Entrypoint }),
});
// App pages (2025.2 / 2026.03): `type` "pages" as the create-app-pages guide and the package's
// extension point name it (https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensions/extension-points/app-pages/reference).
const PagesMeta = z.object({
  uid: Uid,
  type: z.literal('pages'),
  config: z.object({ entrypoint: Entrypoint }),
});
const Webhooks = z.object({
  uid: Uid,
  type: z.literal('webhooks'),
  config: z.object({
    settings: z.object({ targetUrl: Https, maxConcurrentRequests: z.number().int().positive() }),
    subscriptions: z.object({
      crmObjects: z
        .array(
          z.object({
            subscriptionType: z.string(),
            objectType: z.string(),
            propertyName: z.string().optional(),
            active: z.boolean(),
          }),
        )
        .min(1),
      // Privacy deletions are hub events, not CRM object ones
      // (https://developers.hubspot.com/docs/apps/developer-platform/add-features/configure-webhooks).
      hubEvents: z
        .array(
          z.object({ subscriptionType: z.literal('contact.privacyDeletion'), active: z.boolean() }),
        )
        .optional(),
    }),
  }),
});
const SCHEMA_BY_FOLDER: Record<string, z.ZodType> = {
  app: App,
  cards: CardMeta,
  settings: SettingsMeta,
  pages: PagesMeta,
  webhooks: Webhooks,
};

function hsmetaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : hsmetaFiles(path);
    return entry.name.endsWith('-hsmeta.json') ? [path] : [];
  });
}
const metas = hsmetaFiles(SRC).map((path) => ({
  path,
  folder:
    relative(`${SRC}/app`, path).split('/').length === 1
      ? 'app'
      : (relative(`${SRC}/app`, path).split('/')[0] ?? ''),
  json: JSON.parse(readFileSync(path, 'utf8')) as {
    uid: string;
    type: string;
    config: { entrypoint?: string } & Record<string, unknown>;
  },
}));

describe('the HubSpot project', () => {
  it("when HubSpot's own parser translates it offline, then every expected component is there and no file was skipped", async () => {
    const hsproject = JSON.parse(readFileSync(`${APP_ROOT}hsproject.json`, 'utf8')) as {
      srcDir: string;
      platformVersion: string;
    };
    expect(hsproject.platformVersion).toBe('2026.03');
    const result = await translate(
      {
        projectSourceDir: join(APP_ROOT, hsproject.srcDir),
        platformVersion: hsproject.platformVersion,
      },
      { skipValidation: true },
    );
    expect(
      Object.keys(result.intermediateRepresentation.intermediateNodesIndexedByUid).sort(),
    ).toEqual(EXPECTED_UIDS);
    expect(result.skippedHsMetaFiles).toEqual([]);
  });

  it('has one hsmeta file per feature folder, with unique uids', () => {
    expect(metas.map((m) => m.folder).sort()).toEqual([
      'app',
      'cards',
      'pages',
      'settings',
      'webhooks',
    ]);
    expect(new Set(metas.map((m) => m.json.uid)).size).toBe(metas.length);
  });

  it.each(metas.map((m) => [relative(SRC, m.path), m] as const))(
    '%s has the keys its type requires, https URLs, and an entrypoint that exists',
    (_, meta) => {
      const schema = SCHEMA_BY_FOLDER[meta.folder];
      if (!schema) throw new Error(`no schema for folder ${meta.folder}`);
      const parsed = schema.safeParse(meta.json);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      if (meta.json.config.entrypoint) {
        expect(existsSync(join(SRC, meta.json.config.entrypoint))).toBe(true);
        expect(meta.json.config.entrypoint.startsWith(`/app/${meta.folder}/`)).toBe(true);
      }
    },
  );

  it('declares exactly the OAuth scopes of hubspot-app/scopes.ts, and fetches only from the backend', () => {
    const app = App.parse(metas.find((m) => m.folder === 'app')?.json);
    expect([...app.config.auth.requiredScopes].sort()).toEqual([...requiredScopes].sort());
    expect(app.config.auth.optionalScopes).toEqual([...optionalScopes]);
    expect(app.config.permittedUrls.fetch).toEqual([BACKEND_ORIGIN]);
    expect(CARD_BACKEND).toBe(BACKEND_ORIGIN);
    expect(SETTINGS_BACKEND).toBe(BACKEND_ORIGIN);
    expect(PAGES_BACKEND).toBe(BACKEND_ORIGIN);
    for (const url of app.config.auth.redirectUrls)
      expect(url.startsWith(BACKEND_ORIGIN)).toBe(true);
  });

  it('subscribes to deal stage changes', () => {
    const hooks = Webhooks.parse(metas.find((m) => m.folder === 'webhooks')?.json);
    expect(hooks.config.subscriptions.crmObjects).toContainEqual(
      expect.objectContaining({ objectType: 'deal', propertyName: 'dealstage', active: true }),
    );
  });

  it('uses no app functions (marketplace OAuth apps cannot)', () => {
    expect(metas.some((m) => m.json.type === 'app-function')).toBe(false);
  });

  it('reaches the core from the card, settings and pages folders as a file: dependency HubSpot packs', async () => {
    const packages = await findAndParsePackageJsonFiles(SRC);
    expect(packages.map((p) => relative(SRC, p.path)).sort()).toEqual([
      'app/cards/package.json',
      'app/pages/package.json',
      'app/settings/package.json',
    ]);
    // One package at a time: HubSpot's collector keeps each local path once across packages.
    const core = (await Promise.all(packages.map((p) => collectFileDependencies([p])))).flatMap(
      (deps) => deps.filter((d) => d.packageName === '@handoff/shared'),
    );
    expect(core).toHaveLength(3);
    for (const dep of core) {
      expect(dep.kind).toBe('directory');
      const pkg = JSON.parse(readFileSync(join(dep.localPath, 'package.json'), 'utf8')) as {
        name: string;
      };
      expect(pkg.name).toBe('@handoff/shared');
      expect(existsSync(join(dep.localPath, 'dist/src/runtime.js'))).toBe(true);
    }
  });
});
