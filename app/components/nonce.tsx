import { createContext, useContext } from "react";

/** The per-request CSP nonce. Browsers hide nonce attributes from scripts, so on the client
 * this is empty, which is what React expects when it hydrates. */
export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
