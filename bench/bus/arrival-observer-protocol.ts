export interface ObserverSettings {
  readonly url: string;
  readonly channel: string;
}

/** `take`: hand over the arrivals heard since the last take. */
export type ObserverCommand = { readonly type: 'take' } | { readonly type: 'close' };

export type ObserverReply =
  | { readonly type: 'listening' }
  | { readonly type: 'arrivals'; readonly seqs: number[]; readonly latencies: number[] }
  | { readonly type: 'closed' }
  | { readonly type: 'failed'; readonly message: string };
