// Evaluated right before the app pages' entry file (see entries/index.ts).
import { expectExtension } from '../host/session.js';

expectExtension('pages');
