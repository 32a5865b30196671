// The mocks' MSW `ws` handlers (createWsHandlers, their public API) with every frame a session
// sends passed through `rewrite`, so a test can play an exchange that sends pongs without their
// fields.
import { createWsHandlers, type WsHandlersOptions, type WsMocks } from '@ascendex-toolkit/mocks';

export function rewritingHandlers(
  options: Omit<WsHandlersOptions, 'rewriteOutgoing'> & {
    /** The frame to send instead of `text`. */
    readonly rewrite: (text: string) => string;
  },
): WsMocks {
  const { rewrite, ...handlerOptions } = options;
  return createWsHandlers({ ...handlerOptions, rewriteOutgoing: rewrite });
}
