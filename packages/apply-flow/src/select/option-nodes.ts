import { US_STATES, type UsState } from '@checkr-kit/validation';

export interface SelectOption {
  value: string;
  label: string;
}

const stateLists = new WeakMap<object, SelectOption[]>();

/** The states, DC and Puerto Rico under the names given: one list per language. */
export function stateChoices(names: Readonly<Partial<Record<UsState, string>>>): SelectOption[] {
  let list = stateLists.get(names);
  if (!list) {
    list = US_STATES.map(([code, name]) => ({ value: code, label: names[code] ?? name }));
    stateLists.set(names, list);
  }
  return list;
}

/**
 * A select's `<option>`s as nodes, made again only when given another list. Fifty-three states
 * as Lit templates (an instance and three parts each) were most of a state select's first
 * render; as one fragment they are inserted in one step, and later renders (a keystroke in the
 * licence number) hand Lit the same fragment, which it leaves alone. `selected` counts when
 * they are made, before the select's `.value` binding can find them; afterwards that binding rules.
 */
export class OptionNodes {
  private list: readonly SelectOption[] | undefined;
  private nodes!: DocumentFragment;

  of(list: readonly SelectOption[], selected: string): DocumentFragment {
    if (list !== this.list) {
      this.list = list;
      this.nodes = document.createDocumentFragment();
      for (const { value, label } of list)
        this.nodes.append(new Option(label, value, false, value === selected));
    }
    return this.nodes;
  }
}
