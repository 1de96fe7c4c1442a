import { defineBackground } from 'wxt/utils/define-background';
import { setupAnnotateCommand } from './annotate-once';
import { setupClippingBadge, setupClippingCommands } from './clippings';
import { setupSegmentation } from './segmentation';
import { setupSidePanel } from './side-panel';
import { setupUserSites } from './user-sites';

export default defineBackground(() => {
  setupSegmentation();
  setupSidePanel();
  setupUserSites();
  setupAnnotateCommand();
  setupClippingCommands();
  setupClippingBadge();
});
