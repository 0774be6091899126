/**
 * When a state document must be shown: data on the document, read the same way by the BFF (which
 * decides) and the apply flow (which shows the candidate the same pages before asking it). Checkr
 * asks for "state-specific disclosure forms ... if necessary", for example California's own
 * disclosure and the release of liability the Washington State DMV requires "for accessing Motor
 * Vehicle Records for employment" (seed 000 L185, 001 L200), and applies its compliance filters
 * by the "candidate's provided residence" (000 L31) and the work location (000 L440).
 *
 * A document applies when any listed state matches: where the candidate lives (`residence`),
 * any work location (`work`), or the state that issued the driver's licence (`license`: the
 * state whose motor vehicle records are read). `mvr: true` limits it to packages with a motor
 * vehicle record screening, as a release for those records means nothing without one.
 */
export interface StateDocumentRule {
  residence?: readonly string[];
  work?: readonly string[];
  license?: readonly string[];
  mvr?: boolean;
}

/** What the rules are read against. */
export interface StateDocumentFacts {
  /** The state the candidate lives in; `null` when not (yet) given. */
  residence: string | null;
  /** The states of the session's work locations. */
  work: readonly string[];
  /** The state that issued the candidate's driver's licence; `null` when none was given. */
  license: string | null;
  /** The package includes a motor vehicle record (MVR) screening. */
  mvr: boolean;
}

export function stateDocumentApplies(rule: StateDocumentRule, facts: StateDocumentFacts): boolean {
  if (rule.mvr && !facts.mvr) return false;
  const listed = (states: readonly string[] | undefined, state: string | null) =>
    state !== null && (states ?? []).includes(state);
  return (
    listed(rule.residence, facts.residence) ||
    listed(rule.license, facts.license) ||
    facts.work.some((state) => listed(rule.work, state))
  );
}

/**
 * Whether the state of residence can change which documents this session shows: some document
 * lists residence states, can apply to this package, and is not already shown for a work
 * location. The licence state is left out on purpose, so the answer is known before the candidate
 * types anything and stays the same from the form to the BFF.
 */
export function residenceStateNeeded(
  rules: readonly (StateDocumentRule | null | undefined)[],
  facts: Pick<StateDocumentFacts, 'work' | 'mvr'>,
): boolean {
  const withoutResidence: StateDocumentFacts = { ...facts, residence: null, license: null };
  return rules.some(
    (rule) =>
      rule !== null &&
      rule !== undefined &&
      (rule.residence ?? []).length > 0 &&
      !(rule.mvr && !facts.mvr) &&
      !stateDocumentApplies(rule, withoutResidence),
  );
}
