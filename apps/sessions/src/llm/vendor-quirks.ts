/**
 * What a model refuses, learned from the 400s its endpoint answers and remembered per model:
 * reasoning models refuse `temperature` and `max_tokens`; older servers do not know
 * `max_completion_tokens`, `stream_options` or `reasoning_effort`.
 */
export interface VendorQuirks {
  readonly omitTemperature: boolean;
  readonly tokensField: 'max_completion_tokens' | 'max_tokens';
  readonly omitStreamOptions: boolean;
  readonly omitReasoningEffort: boolean;
}

export const NO_QUIRKS: VendorQuirks = {
  omitTemperature: false,
  tokensField: 'max_completion_tokens',
  omitStreamOptions: false,
  omitReasoningEffort: false,
};

/** The parameters left out for a model, by their wire names, for the ledger. */
export function omittedParameters(quirks: VendorQuirks): string[] {
  return [
    ...(quirks.omitTemperature ? ['temperature'] : []),
    ...(quirks.tokensField === 'max_tokens' ? ['max_completion_tokens'] : []),
    ...(quirks.omitStreamOptions ? ['stream_options'] : []),
    ...(quirks.omitReasoningEffort ? ['reasoning_effort'] : []),
  ];
}

/**
 * The quirks that answer a refusal of a request that carried `sent` (its wire parameter names),
 * or null when the refusal names no parameter we can leave out or rename.
 */
export function learnFromRefusal(
  status: number | null,
  message: string,
  quirks: VendorQuirks,
  sent: readonly string[],
): VendorQuirks | null {
  if (status !== 400 && status !== 422) return null;
  const names = (name: string) => sent.includes(name) && new RegExp(`\\b${name}\\b`, 'i').test(message);
  if (names('max_completion_tokens') && quirks.tokensField === 'max_completion_tokens')
    return { ...quirks, tokensField: 'max_tokens' };
  if (names('max_tokens') && quirks.tokensField === 'max_tokens')
    return { ...quirks, tokensField: 'max_completion_tokens' };
  if (names('stream_options') && !quirks.omitStreamOptions) return { ...quirks, omitStreamOptions: true };
  if (names('reasoning_effort') && !quirks.omitReasoningEffort)
    return { ...quirks, omitReasoningEffort: true };
  if (names('temperature') && !quirks.omitTemperature) return { ...quirks, omitTemperature: true };
  return null;
}
