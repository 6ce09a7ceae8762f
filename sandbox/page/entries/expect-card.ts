// Evaluated right before the card's entry file (see entries/index.ts).
import { expectExtension } from '../host/session.js';

expectExtension('card');
