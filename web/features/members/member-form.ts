/** What the member firm's field groups need of a form (Mantine's useForm, use-lazy-contract-form.ts). */
export interface MemberForm {
  getValues(): any;
  getInputProps(path: string, options?: { type?: 'input' | 'checkbox' }): any;
  setFieldValue(path: string, value: unknown): void;
}
