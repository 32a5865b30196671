// Order arithmetic shared by the client and the mocks (`@ascendex-toolkit/validators/orders`):
// exact decimals, the server order id the exchange derives from a client order id, and the
// product-rule check of a new order. Here so that neither package depends on the other.
export * from './orders/decimal.js';
export { serverOrderId, isDerivableClientOrderId, type ServerOrderIdInput } from './orders/server-order-id.js';
export {
  checkProductRules,
  productRuleCodes,
  type ProductRules,
  type ProductRuleReason,
  type RuleBreach,
  type RuleInput,
} from './orders/product-rules.js';
