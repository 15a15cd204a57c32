export { HttpPaymentGateway, GatewayRequestRejected, type HttpPaymentGatewayOptions } from './http-payment-gateway';
export { HmacGatewayCallbackVerifier } from './hmac-callback-verifier';
