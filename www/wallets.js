/**
 * The demo's wallet adapter: one small interface over injected wallets and a
 * built-in test wallet per kind.
 *
 *   interface Wallet {
 *     kind: "evm" | "near" | "solana";
 *     label: string;          // what the page shows
 *     address: string;        // the API's {wallet}: 0x address, NEAR account id, Solana base58 key
 *     isTest: boolean;        // true for the built-in test wallets (fixed, public test keys)
 *     // Signs exactly what prepareSigning / deleteExecutionRequest hand out
 *     // (request.walletRequest) and returns the wallet's raw answer, which
 *     // finishSigning / finishDeleteSigning verify:
 *     //   evm     { method: "personal_sign", params: [0x hex of the message bytes, address] } → "0x…" (65 bytes, v 27/28)
 *     //   near    { message, recipient, nonce: Uint8Array(32), callbackUrl? } → { accountId, publicKey, signature }
 *     //   solana  { message: Uint8Array } → { signature: Uint8Array(64) }
 *     signPayload(walletRequest): Promise<WalletOutput>;
 *     // EVM only: eth_signTypedData_v4 of the object (Permit2) → "0x…" or Uint8Array(65)
 *     signTypedData?(typedData): Promise<string | Uint8Array>;
 *     // EVM only, where the wallet can: an EIP-7702 authorization {chainId, address, nonce}
 *     // → { chainId, address, nonce, r, s, yParity }
 *     signAuthorization?(authorization): Promise<Eip7702SignedAuthorization>;
 *   }
 *
 * Implementations:
 *   - injected EVM (EIP-1193 window.ethereum): eth_requestAccounts, personal_sign with
 *     walletRequest.params, eth_signTypedData_v4 with JSON.stringify(typedData).
 *     No signAuthorization: EIP-7702 signing is wallet-specific (no standard RPC method).
 *   - injected Solana (window.phantom.solana or window.solana): connect(), signMessage(bytes) → { signature }.
 *   - injected NEAR (window.near or window.nearWallet): NEP-413 signMessage({ message, recipient, nonce })
 *     → { accountId, publicKey, signature }; the account comes from getAccounts(), getAccountId()
 *     or accountId, after requestSignIn()/signIn()/connect() when the wallet has one.
 *   - TEST wallets, one per kind, with FIXED PUBLIC TEST KEYS (never use them for funds), signing
 *     through intent-signer itself (erc191Sign, eip712Sign, eip7702Sign, nep413Sign, ed25519Sign),
 *     so that every flow runs without any extension. The page never asks for a secret.
 */

import {
  bytesToHex,
  ed25519PublicKey,
  ed25519Sign,
  eip712Sign,
  eip7702Sign,
  erc191Recover,
  erc191Sign,
  hexToBytes,
  nep413Sign,
} from "/pkg/all/index.js";

/** Fixed, PUBLIC test keys. Anyone can read them here; they guard nothing. */
export const TEST_KEYS = Object.freeze({
  // Anvil / Hardhat test account 0, the best-known public test key there is.
  evm: "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  // ed25519 seeds: 32 bytes of 0x07 (the README's NEP-413 test key) and of 0x09.
  near: "07".repeat(32),
  solana: "09".repeat(32),
});

export const WALLET_CHOICES = [
  { id: "test-evm", kind: "evm", label: "Test wallet · EVM (public test key)" },
  { id: "test-near", kind: "near", label: "Test wallet · NEAR (public test key)" },
  { id: "test-solana", kind: "solana", label: "Test wallet · Solana (public test key)" },
  { id: "injected-evm", kind: "evm", label: "Injected EVM · window.ethereum" },
  { id: "injected-near", kind: "near", label: "Injected NEAR · window.near" },
  { id: "injected-solana", kind: "solana", label: "Injected Solana · window.solana" },
];

// ------------------------------------------------------------------ encodings

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58 (Bitcoin alphabet) of bytes: Solana addresses and "ed25519:" keys. */
export function base58Encode(bytes) {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits = []; // little-endian base-58 digits
  for (let k = zeros; k < bytes.length; k++) {
    let carry = bytes[k];
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i] * 256;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  return "1".repeat(zeros) + digits.reverse().map((d) => B58[d]).join("");
}

/** Standard padded base64 of bytes. */
export function base64Encode(bytes) {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Random bytes from the browser (NEP-413 nonces). */
export function randomBytes(n) {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** A wallet error the page shows like the package's own errors (code, hint). */
export class WalletError extends Error {
  constructor(code, message, hint) {
    super(message);
    this.name = "WalletError";
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
}

/** JSON with bigints as decimal strings (typed data may carry bigints). */
export function jsonText(value, indent) {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), indent);
}

// ------------------------------------------------------------- test wallets

function testEvmWallet() {
  const key = hexToBytes(TEST_KEYS.evm);
  // The address is derived, not trusted: sign once and recover.
  const address = erc191Recover("intent-signer test wallet", erc191Sign("intent-signer test wallet", key));
  return {
    kind: "evm",
    label: "Test wallet: EVM (public test key)",
    address,
    isTest: true,
    testKey: TEST_KEYS.evm,
    async signPayload(request) {
      if (request?.method !== "personal_sign") throw new WalletError("WALLET_REJECTED", `the EVM test wallet signs personal_sign only, got ${request?.method}`);
      // params[0] is 0x + the hex of the message bytes: sign the bytes.
      const sig = erc191Sign(hexToBytes(request.params[0]), key);
      sig[64] += 27; // as wallets answer: v = 27/28
      return "0x" + bytesToHex(sig);
    },
    async signTypedData(typedData) {
      return "0x" + bytesToHex(eip712Sign(typedData, key));
    },
    async signAuthorization(authorization) {
      return eip7702Sign(authorization, key);
    },
  };
}

function testNearWallet() {
  const seed = hexToBytes(TEST_KEYS.near);
  const pub = ed25519PublicKey(seed);
  const publicKey = "ed25519:" + base58Encode(pub);
  const accountId = bytesToHex(pub); // the implicit account of the key
  return {
    kind: "near",
    label: "Test wallet: NEAR (public test key)",
    address: accountId,
    publicKey,
    isTest: true,
    testKey: TEST_KEYS.near,
    async signPayload(request) {
      const payload = { message: request.message, nonce: base64Encode(request.nonce), recipient: request.recipient };
      if (request.callbackUrl !== undefined && request.callbackUrl !== null) payload.callbackUrl = request.callbackUrl;
      return { accountId, publicKey, signature: nep413Sign(payload, seed) };
    },
  };
}

function testSolanaWallet() {
  const seed = hexToBytes(TEST_KEYS.solana);
  const pub = ed25519PublicKey(seed);
  return {
    kind: "solana",
    label: "Test wallet: Solana (public test key)",
    address: base58Encode(pub),
    isTest: true,
    testKey: TEST_KEYS.solana,
    async signPayload(request) {
      if (!(request?.message instanceof Uint8Array)) throw new WalletError("WALLET_REJECTED", "the Solana test wallet signs bytes only");
      return { signature: ed25519Sign(request.message, seed) };
    },
  };
}

// --------------------------------------------------------- injected wallets

/** Which injected wallets this page can see right now. */
export function detectInjected() {
  return {
    evm: typeof window.ethereum?.request === "function",
    near: typeof (window.near ?? window.nearWallet)?.signMessage === "function",
    solana: typeof (window.phantom?.solana ?? window.solana)?.signMessage === "function",
  };
}

async function injectedEvmWallet() {
  const eth = window.ethereum;
  if (typeof eth?.request !== "function") {
    throw new WalletError("NO_WALLET", "No EVM wallet is injected in this page (window.ethereum is missing).", "install an EIP-1193 wallet such as MetaMask, or pick the EVM test wallet");
  }
  const accounts = await eth.request({ method: "eth_requestAccounts" });
  const address = Array.isArray(accounts) ? accounts[0] : undefined;
  if (typeof address !== "string") throw new WalletError("NO_ACCOUNT", "The EVM wallet returned no account.");
  return {
    kind: "evm",
    label: "Injected EVM wallet",
    address,
    isTest: false,
    async signPayload(request) {
      // Exactly as prepared: personal_sign with [0x hex of the message bytes, address].
      return eth.request({ method: request.method, params: request.params });
    },
    async signTypedData(typedData) {
      return eth.request({ method: "eth_signTypedData_v4", params: [address, jsonText(typedData)] });
    },
    // No signAuthorization: EIP-7702 authorizations have no standard wallet RPC method.
  };
}

async function injectedSolanaWallet() {
  const sol = window.phantom?.solana ?? window.solana;
  if (typeof sol?.signMessage !== "function") {
    throw new WalletError("NO_WALLET", "No Solana wallet is injected in this page (window.solana is missing).", "install a Solana wallet such as Phantom, or pick the Solana test wallet");
  }
  const connected = typeof sol.connect === "function" ? await sol.connect() : undefined;
  const key = connected?.publicKey ?? sol.publicKey;
  const address = typeof key?.toBase58 === "function" ? key.toBase58() : typeof key === "string" ? key : undefined;
  if (!address) throw new WalletError("NO_ACCOUNT", "The Solana wallet returned no public key.");
  return {
    kind: "solana",
    label: "Injected Solana wallet",
    address,
    isTest: false,
    async signPayload(request) {
      const out = await sol.signMessage(request.message, "utf8");
      // Phantom answers { signature, publicKey }; some wallets the bare bytes.
      return { signature: out instanceof Uint8Array ? out : out?.signature };
    },
  };
}

async function injectedNearWallet() {
  const near = window.near ?? window.nearWallet;
  if (typeof near?.signMessage !== "function") {
    throw new WalletError("NO_WALLET", "No NEAR wallet is injected in this page (window.near is missing).", "use a NEAR wallet that injects window.near with NEP-413 signMessage, or pick the NEAR test wallet");
  }
  for (const connect of ["requestSignIn", "signIn", "connect"]) {
    if (typeof near[connect] === "function") {
      await near[connect]();
      break;
    }
  }
  let accountId;
  if (typeof near.getAccounts === "function") accountId = (await near.getAccounts())?.[0]?.accountId;
  if (!accountId && typeof near.getAccountId === "function") accountId = await near.getAccountId();
  if (!accountId) accountId = near.accountId;
  if (typeof accountId !== "string") throw new WalletError("NO_ACCOUNT", "The NEAR wallet returned no account id.");
  return {
    kind: "near",
    label: "Injected NEAR wallet",
    address: accountId,
    isTest: false,
    async signPayload(request) {
      const args = { message: request.message, recipient: request.recipient, nonce: request.nonce };
      if (request.callbackUrl !== undefined && request.callbackUrl !== null) args.callbackUrl = request.callbackUrl;
      const out = await near.signMessage(args);
      return { accountId: out?.accountId, publicKey: out?.publicKey, signature: out?.signature };
    },
  };
}

/** Connects the wallet `id` (one of WALLET_CHOICES) and returns its adapter. */
export async function connectWallet(id) {
  switch (id) {
    case "test-evm":
      return testEvmWallet();
    case "test-near":
      return testNearWallet();
    case "test-solana":
      return testSolanaWallet();
    case "injected-evm":
      return injectedEvmWallet();
    case "injected-near":
      return injectedNearWallet();
    case "injected-solana":
      return injectedSolanaWallet();
    default:
      throw new WalletError("NO_WALLET", `unknown wallet choice ${id}`);
  }
}

/** The built-in EVM test wallet (the 7702 path when a wallet cannot sign authorizations). */
export function evmTestWallet() {
  return testEvmWallet();
}
