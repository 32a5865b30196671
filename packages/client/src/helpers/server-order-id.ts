// The order id the exchange will give an order, worked out before its answer arrives, so that an
// order whose acknowledgement is lost or late can still be queried or cancelled.
import { ValidationError } from '@ascendex-toolkit/validators';
import { isDerivableClientOrderId, serverOrderId as derive } from '@ascendex-toolkit/validators/orders';
import { AscendexRequestError } from '../core/errors.js';

/**
 * The server order id of an order sent with `order.id` and `order.time` by the user `userUID`
 * (`U` and ten digits, from `getAccountInfo`). Send the same `time` you pass here.
 * @param transport `rest` (ids start with `a`, the default) or `ws` (`s`).
 * @throws {AscendexRequestError} when `order.id` is not 9 or more letters and digits: the exchange
 *   then draws the id's tail at random, so no one can know it in advance.
 * @public
 */
export function serverOrderId(
  order: { readonly id?: string | undefined; readonly time: number },
  userUID: string,
  transport: 'rest' | 'ws' = 'rest',
): string {
  if (!isDerivableClientOrderId(order.id)) {
    throw new AscendexRequestError(
      'placeOrder',
      new ValidationError('PlaceOrderBody', [
        {
          path: '/id',
          message: 'must be 9 or more letters and digits for the server order id to be known in advance',
          keyword: 'pattern',
        },
      ]),
    );
  }
  return derive({ transport, time: order.time, userUID, clientOrderId: order.id });
}
