// Collects LINE-style validation errors. Two kinds, as LINE reports them:
//  - a value of the wrong JSON type cannot be deserialised: the whole request fails with
//    "The property, X, in the request body is invalid" (only the first one is reported);
//  - a well-typed value that breaks a constraint becomes one `details[]` entry {message, property}.
import { invalidProperty, validationError, type ErrorDetail, type HttpReply } from "../http/reply";

export type Obj = Record<string, unknown>;

type StrRule = { required?: boolean; min?: number; max?: number; https?: boolean; pattern?: RegExp; patternMessage?: string };
type ArrRule = { required?: boolean; min?: number; max?: number };

export class Checker {
  readonly details: ErrorDetail[] = [];
  #invalid: string | null = null;

  error(property: string, message: string): void {
    this.details.push({ message, property });
  }

  typeError(property: string): void {
    this.#invalid ??= property;
  }

  /** The reply for the collected problems, or null if the body is valid. */
  result(): HttpReply | null {
    if (this.#invalid !== null) return invalidProperty(this.#invalid);
    if (this.details.length > 0) return validationError(this.details);
    return null;
  }

  get ok(): boolean {
    return this.#invalid === null && this.details.length === 0;
  }

  object(value: unknown, path: string): Obj | undefined {
    if (isObj(value)) return value;
    this.typeError(path);
    return undefined;
  }

  str(obj: Obj, key: string, path: string, rule: StrRule = {}): string | undefined {
    const p = join(path, key);
    const v = obj[key];
    if (v === undefined || v === null) {
      if (rule.required) this.error(p, "must be specified");
      return undefined;
    }
    if (typeof v !== "string") {
      this.typeError(p);
      return undefined;
    }
    if (rule.required && v.length === 0) {
      this.error(p, "May not be empty");
      return v;
    }
    if (rule.max !== undefined && v.length > rule.max) this.error(p, `Length must be between ${rule.min ?? 0} and ${rule.max}`);
    else if (rule.min !== undefined && v.length < rule.min)
      this.error(p, rule.max === undefined ? "May not be empty" : `Length must be between ${rule.min} and ${rule.max}`);
    if (rule.https && v.length > 0 && !isHttpsUrl(v)) this.error(p, "Must be a valid HTTPS URL");
    if (rule.pattern && !rule.pattern.test(v)) this.error(p, rule.patternMessage ?? `Must match ${rule.pattern.source}`);
    return v;
  }

  num(obj: Obj, key: string, path: string, rule: { required?: boolean; integer?: boolean; min?: number; max?: number } = {}): number | undefined {
    const p = join(path, key);
    const v = obj[key];
    if (v === undefined || v === null) {
      if (rule.required) this.error(p, "must be specified");
      return undefined;
    }
    if (typeof v !== "number" || !Number.isFinite(v) || (rule.integer && !Number.isInteger(v))) {
      this.typeError(p);
      return undefined;
    }
    if ((rule.min !== undefined && v < rule.min) || (rule.max !== undefined && v > rule.max)) {
      if (rule.max === undefined) this.error(p, `Must be greater than or equal to ${rule.min}`);
      else if (rule.min === undefined) this.error(p, `Must be less than or equal to ${rule.max}`);
      else this.error(p, `Must be between ${rule.min} and ${rule.max}`);
    }
    return v;
  }

  bool(obj: Obj, key: string, path: string): boolean | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "boolean") {
      this.typeError(join(path, key));
      return undefined;
    }
    return v;
  }

  arr(obj: Obj, key: string, path: string, rule: ArrRule = {}): unknown[] | undefined {
    const p = join(path, key);
    const v = obj[key];
    if (v === undefined || v === null) {
      if (rule.required) this.error(p, "must be specified");
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.typeError(p);
      return undefined;
    }
    if (rule.max === undefined && rule.min === 1 && v.length === 0) this.error(p, "May not be empty");
    else if ((rule.min !== undefined && v.length < rule.min) || (rule.max !== undefined && v.length > rule.max)) {
      this.error(p, `Size must be between ${rule.min ?? 0} and ${rule.max}`);
    }
    return v;
  }

  child(obj: Obj, key: string, path: string, required = false): Obj | undefined {
    const p = join(path, key);
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.error(p, "must be specified");
      return undefined;
    }
    return this.object(v, p);
  }

  oneOf(value: string | undefined, allowed: readonly string[], property: string): boolean {
    if (value === undefined) return false;
    if (allowed.includes(value)) return true;
    this.error(property, `Must be one of the following values: [${allowed.join(", ")}]`);
    return false;
  }
}

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}
