/**
 * The codes cashiers meet most, in the order the home page and the wall chart show
 * them. Chosen by editors (inference from the handling classes and the codes support
 * desks report most); the validator checks each is in the registry.
 */
export const COMMON_CODES = ['55', '51', '68', '98', '94', '96', '14', '54', '61', '05', '01', '77', 'A0', '99', '03', '58', '45', '75'] as const;
