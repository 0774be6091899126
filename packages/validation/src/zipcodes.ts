import { asText, fail, ok, type ValidationResult } from './result.ts';
import { normalizeState, type UsState } from './states.ts';

/**
 * Which state a ZIP code is in, by its first three digits: the ranges of USPS's 3-digit ZIP Code
 * prefix matrix (Domestic Mail Manual, exhibit L002), kept as data and read offline. Written as
 * runs, each a first prefix and a state, covering the prefixes up to the next run. Only the BFF
 * reads it (the apply flow leaves the ZIP/state check to the BFF), so it is exported from
 * `@checkr-kit/validation/server`, out of the browser entry point. `..` marks prefixes that name
 * no state of Checkr's list, where a ZIP code says nothing about the state of residence: the military APO/FPO
 * prefixes (AE 090-099, AA 340, AP 962-966, where a service member keeps the legal residence of
 * a state), the territories outside the list (US Virgin Islands 008; Guam, the Northern Marianas,
 * Palau, Micronesia and the Marshall Islands 969), and prefixes USPS has not assigned. Three
 * prefixes belong to the IRS (005 Holtsville NY, 055 Andover MA, 733 Austin TX), 885 is El Paso.
 */
const PREFIX_RUNS =
  '000..005NY006PR008..009PR010MA028RI030NH039ME050VT055MA056VT060CT070NJ090..100NY150PA' +
  '197DE200DC201VA202DC206MD220VA247WV269..270NC290SC300GA320FL340..341FL350AL370TN386MS' +
  '398GA400KY428..430OH460IN480MI500IA529..530WI550MN568..569DC570SD578..580ND589..590MT' +
  '600IL630MO659..660KS680NE694..700LA715..716AR730OK732..733TX734OK750TX800CO817..820WY' +
  '832ID839..840UT848..850AZ866..870NM885TX886..889NV899..900CA962..967HI969..970OR980WA' +
  '995AK';

/**
 * Five-digit ZIP codes whose delivery area crosses a state line, each followed by the states a
 * candidate there may live in (or none: 96799, American Samoa, sits in Hawaii's prefix). Known
 * cases from the Census Bureau's ZCTA-to-state relationship file; a prefix's state is otherwise
 * taken as the whole truth, so a missing case refuses a real border resident. That is why the
 * list errs on the side of more entries, and why the refusal tells the candidate which state the
 * ZIP code was read as.
 */
const CROSS_STATE_ZIPCODES =
  '20135VAWV 24604VAWV 31905GAAL 42223KYTN 56027MNIA 57030SDMN 57068SDMN 57638SDND ' +
  '59221MTND 59275MTND 63673MOIL 71749ARLA 73949OKTX 81137CONM 82063WYCO 82082WYNE ' +
  '83120WYID 84034UTNV 84531UTAZ 84536UTAZ 86044AZUT 86514AZNMUT 86515AZNM 87328NMAZ ' +
  '88063NMTX 89010NVCA 89019NVCA 89060NVCA 89061NVCA 89439NVCA 96799 97635ORCA 99128WAID ' +
  '99362WAOR';

const states = (codes: string): UsState[] => (codes.match(/../g) ?? []) as UsState[];

/**
 * The states a 5-digit ZIP code may be in: usually one, two or three on a border; `null` when the
 * ZIP code names no state of the list (military, territories) or its prefix is unassigned.
 */
export function zipcodeStates(zipcode: string): readonly UsState[] | null {
  if (!/^\d{5}$/.test(zipcode)) return null;
  const crossing = new RegExp(`(?:^| )${zipcode}([A-Z]*)`).exec(CROSS_STATE_ZIPCODES);
  if (crossing) return crossing[1] ? states(crossing[1]) : null;
  const prefix = Number(zipcode.slice(0, 3));
  let state = '..';
  for (
    let run = 0;
    run < PREFIX_RUNS.length && Number(PREFIX_RUNS.slice(run, run + 3)) <= prefix;
    run += 5
  )
    state = PREFIX_RUNS.slice(run + 3, run + 5);
  return state === '..' ? null : states(state);
}

/**
 * The state of residence: required when documents depend on it, one of the 52 jurisdictions, and
 * in agreement with the ZIP code when there is one (otherwise a candidate could skip a state's
 * forms by choosing another state). `zipcode` is the normalized 5-digit code, or nothing. A ZIP
 * code that names no state (military, territories) or that USPS has not assigned is not checked.
 * The mismatch names the state chosen (`params.state`), which the form knows too: the apply flow
 * leaves this check to the BFF rather than ship the ZIP table to every phone. The other rules of
 * state documents are in state-documents.ts, for the browser too.
 */
export function validateResidenceState(
  input: unknown,
  options: { required: boolean; zipcode?: string | undefined },
): ValidationResult<UsState | null> {
  if (asText(input).trim() === '')
    return options.required ? fail('residence_state_required', '/residence_state') : ok(null);
  const state = normalizeState(input);
  if (!state) return fail('residence_state_invalid', '/residence_state');
  const zipStates = options.zipcode ? zipcodeStates(options.zipcode) : null;
  if (zipStates && !zipStates.includes(state))
    return fail('residence_state_zip_mismatch', '/residence_state', { state });
  return ok(state);
}
