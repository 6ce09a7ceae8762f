// A portal's access token when a request needs it: opened from the vault, refreshed shortly before
// it expires with one refresh in flight per portal, and a refused refresh treated as an uninstall.
import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import { OAuthRefused, type OAuthClient, type TokenGrant } from './oauth-client.js';
import { TokenVault } from './vault.js';

/** Refresh this long before expiry, so a token never dies in the middle of a request. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export class TokenManager {
  private readonly inFlight = new Map<string, Promise<string | null>>();

  constructor(
    private readonly store: Store,
    private readonly vault: TokenVault,
    private readonly oauth: OAuthClient,
    private readonly clock: Clock,
  ) {}

  async save(grant: TokenGrant): Promise<void> {
    const existing = await this.store.getInstallation(grant.portalId);
    await this.store.putInstallation({
      portalId: grant.portalId,
      accessToken: this.vault.seal(grant.accessToken, grant.portalId),
      refreshToken: this.vault.seal(grant.refreshToken, grant.portalId),
      expiresAt: grant.expiresAt,
      installedAt:
        existing && existing.uninstalledAt === null ? existing.installedAt : this.clock.now(),
      uninstalledAt: null,
    });
  }

  /** Told of each refresh's outcome (metrics). */
  onRefresh?: (outcome: 'ok' | 'refused' | 'failed') => void;

  /** Whether a stored seal has been opened with the keys set (or nothing is stored): /readyz's "token key loaded". */
  keyVerified = false;

  /**
   * At start: opens one stored seal, so a key that is not the key the tokens were sealed with stops
   * the service with a sentence, instead of failing every request later (or reading as an
   * uninstall). `setting` names the variable the keys came from. Answers the sentence, or
   * undefined when the seal opens (or nothing is stored yet).
   */
  async sealProblem(setting = 'HANDOFF_TOKEN_KEY'): Promise<string | undefined> {
    const [portalId] = await this.store.installationPortals();
    const installation = portalId === undefined ? null : await this.store.getInstallation(portalId);
    if (!portalId || !installation) {
      this.keyVerified = true;
      return undefined;
    }
    const sealed = installation.refreshToken || installation.accessToken;
    try {
      this.vault.open(sealed, portalId);
      this.keyVerified = true;
      return undefined;
    } catch {
      const id = TokenVault.keyIdOf(sealed);
      const which = id === undefined ? '' : ` (sealed with key "${id}")`;
      return `${setting} does not open the OAuth tokens stored for portal ${portalId}${which}: start with the key they were sealed with; to change keys, set HANDOFF_TOKEN_KEYS with the new key first and the old one after it, then run npm run reseal:hubspot-tokens (see the README).`;
    }
  }

  /**
   * Re-seals every stored token with the newest key, so older keys can be dropped afterwards.
   * A seal no key opens is left as it is and counted, never deleted.
   */
  async resealAll(): Promise<{ resealed: number; current: number; unreadable: string[] }> {
    let resealed = 0;
    let current = 0;
    const unreadable: string[] = [];
    for (const portalId of await this.store.installationPortals()) {
      const installation = await this.store.getInstallation(portalId);
      if (!installation) continue;
      try {
        const accessToken = this.vault.reseal(installation.accessToken, portalId);
        const refreshToken =
          installation.refreshToken === null
            ? null
            : this.vault.reseal(installation.refreshToken, portalId);
        if (
          accessToken === installation.accessToken &&
          refreshToken === installation.refreshToken
        ) {
          current++;
          continue;
        }
        await this.store.putInstallation({ ...installation, accessToken, refreshToken });
        resealed++;
      } catch {
        unreadable.push(portalId);
      }
    }
    return { resealed, current, unreadable };
  }

  /**
   * Uninstalls the app from the portal through HubSpot's uninstall API and marks the installation
   * uninstalled. A portal whose token no longer works (401, or a refused refresh) has already gone.
   */
  async uninstall(portalId: string): Promise<void> {
    const token = await this.accessToken(portalId);
    if (token) {
      try {
        await this.oauth.uninstallApp(token);
      } catch (error) {
        if (!(error instanceof OAuthRefused && error.status === 401)) throw error;
      }
    }
    const installation = await this.store.getInstallation(portalId);
    if (installation && installation.uninstalledAt === null)
      await this.store.putInstallation({ ...installation, uninstalledAt: this.clock.now() });
  }

  /** The token to call HubSpot with, or null when the portal has not installed the app (or left). */
  async accessToken(portalId: string): Promise<string | null> {
    const installation = await this.store.getInstallation(portalId);
    if (!installation || installation.uninstalledAt !== null) return null;
    const fresh =
      installation.expiresAt === null ||
      installation.expiresAt - this.clock.now() > REFRESH_MARGIN_MS;
    if (fresh) return this.vault.open(installation.accessToken, portalId);
    let pending = this.inFlight.get(portalId);
    if (!pending) {
      pending = this.refresh(portalId).finally(() => this.inFlight.delete(portalId));
      this.inFlight.set(portalId, pending);
    }
    return pending;
  }

  private async refresh(portalId: string): Promise<string | null> {
    const installation = await this.store.getInstallation(portalId);
    if (!installation?.refreshToken) return null;
    try {
      const grant = await this.oauth.refresh(
        this.vault.open(installation.refreshToken, portalId),
        this.clock.now(),
      );
      await this.save({ ...grant, portalId });
      this.onRefresh?.('ok');
      return grant.accessToken;
    } catch (error) {
      // HubSpot refuses a refresh token once the app is uninstalled: stop using (and scanning) the portal.
      if (error instanceof OAuthRefused && error.status >= 400 && error.status < 500) {
        this.onRefresh?.('refused');
        await this.store.putInstallation({ ...installation, uninstalledAt: this.clock.now() });
        return null;
      }
      this.onRefresh?.('failed');
      throw error;
    }
  }
}
