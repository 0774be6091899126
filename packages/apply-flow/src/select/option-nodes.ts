import { US_STATES, type ValidationCatalog } from '@checkr-kit/validation';

export interface SelectOption {
  value: string;
  label: string;
}

/** Each list's options, built once for the page: every select clones them in one native call. */
const built = new WeakMap<object, DocumentFragment>();

/**
 * A select's `<option>`s as nodes, made again only when the choices change: the state names of
 * another language, or another `options` array. Fifty-three states as Lit templates (an
 * instance and three parts each) were most of a state select's first render; as one fragment
 * they are inserted in one step, and later renders (a keystroke in the licence number) hand Lit
 * the same fragment, which it leaves alone. The second state select of a form, and any later
 * one, clones the first one's options rather than building 53 again. `selected` counts when
 * they are made, before the select's `.value` binding can find them; afterwards that binding
 * rules.
 */
export class OptionNodes {
  private choices: object | undefined;
  private nodes!: DocumentFragment;

  of(
    choices: ValidationCatalog['stateNames'] | readonly SelectOption[],
    selected: string,
  ): DocumentFragment {
    if (choices !== this.choices) {
      this.choices = choices;
      let options = built.get(choices);
      if (!options) {
        const list =
          'map' in choices
            ? choices
            : US_STATES.map(([value, name]) => ({ value, label: choices[value] ?? name }));
        options = document.createDocumentFragment();
        for (const { value, label } of list) options.append(new Option(label, value));
        built.set(choices, options);
      }
      this.nodes = options.cloneNode(true) as DocumentFragment;
      for (const option of this.nodes.children as HTMLCollectionOf<HTMLOptionElement>)
        if (option.value === selected) option.selected = true;
    }
    return this.nodes;
  }
}
