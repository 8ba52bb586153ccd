// What the screens show about the application itself.
import { APP_VERSION } from '../../../src-shared/version';
import type { CoreContext, HandlerSlice } from './context';

export function appHandlers(ctx: Pick<CoreContext, 'shell' | 'store'>): HandlerSlice<'app.info'> {
  return {
    'app.info': () => ({ version: APP_VERSION, shell: ctx.shell, installationId: ctx.store.installationId }),
  };
}
