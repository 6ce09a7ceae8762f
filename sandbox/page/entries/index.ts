// The real entry files, unchanged. ES modules evaluate in import order, so each marker runs just
// before the entry whose `hubspot.extend` it names.
import './expect-card.js';
import '../../../hubspot-app/src/app/cards/HandoffCard.js';
import './expect-settings.js';
import '../../../hubspot-app/src/app/settings/SettingsPage.js';
import './expect-pages.js';
import '../../../hubspot-app/src/app/pages/Pages.js';
