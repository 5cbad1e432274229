import { GraphQLError } from 'graphql';

export interface Problem {
  /** Path of the bad field in the input, e.g. `subjects[1].nhsNumber`. */
  field: string;
  message: string;
}

/** Collects every problem with an input so the user can fix them all at once. */
export class Problems {
  readonly list: Problem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  text(field: string, value: string | null | undefined, options: { required?: boolean; max: number; label: string }): void {
    if (value === undefined || value === null || value.trim() === '') {
      if (options.required) this.add(field, `${options.label} is required`);
      return;
    }
    if (value.length > options.max) this.add(field, `${options.label} is ${value.length} characters; the most allowed is ${options.max}`);
  }

  /** Throws BAD_USER_INPUT naming every bad field; nothing has been written when this throws. */
  throwIfAny(what: string): void {
    if (this.list.length === 0) return;
    const summary = this.list.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new GraphQLError(`Invalid ${what}. ${summary}.`, {
      extensions: { code: 'BAD_USER_INPUT', field: this.list[0].field, problems: this.list },
    });
  }
}
