// The form a party's authorised person signs with, by link: their name and a confirmation that
// they may sign for the party. Applications and final reports use it with their own words.
import { Form, SubmitButton, TextField, useFormFailure } from "./form.tsx";

export function SignatureForm(props: {
  name: string;
  nameHint: string;
  confirm: string;
  submit: string;
  /** The version of the document the person read (refused if it changed meanwhile). */
  version?: number;
}) {
  const failure = useFormFailure();
  const errors = failure?.errors;
  return (
    <Form method="post">
      {props.version === undefined ? null : (
        <input type="hidden" name="version" value={props.version} />
      )}
      <TextField
        name="name"
        label={props.name}
        hint={props.nameHint}
        autoComplete="name"
        defaultValue={failure?.values?.name}
        error={errors?.name}
        required
      />
      <div className={errors?.confirmAuthorised ? "field field--error" : "field"}>
        {errors?.confirmAuthorised ? (
          <p className="field__error" id="confirmAuthorised-error">
            {errors.confirmAuthorised}
          </p>
        ) : null}
        <label htmlFor="confirmAuthorised">
          <input
            type="checkbox"
            id="confirmAuthorised"
            name="confirmAuthorised"
            value="on"
            defaultChecked={failure?.values?.confirmAuthorised === "on"}
            aria-invalid={errors?.confirmAuthorised ? true : undefined}
            aria-describedby={errors?.confirmAuthorised ? "confirmAuthorised-error" : undefined}
          />{" "}
          {props.confirm}
        </label>
      </div>
      <SubmitButton>{props.submit}</SubmitButton>
    </Form>
  );
}
