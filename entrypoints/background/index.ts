import { defineBackground } from 'wxt/utils/define-background';
import { setupAnnotateCommand } from './annotate-once';
import { setupClippingBadge, setupClippingCommands } from './clippings';
import { setupSegmentation } from './segmentation';
import { setupSidePanel } from './side-panel';
import { setupUserSites } from './user-sites';
import { setupLanguage } from './language';

export default defineBackground(() => {
  // Menus and messages in the reader's language (again when the setting changes).
  setupLanguage();
  setupSegmentation();
  setupSidePanel();
  setupUserSites();
  setupAnnotateCommand();
  setupClippingCommands();
  setupClippingBadge();
});
