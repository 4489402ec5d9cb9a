import type Label from '#models/label'
import { AppTransformer } from '#services/http/app_transformer'

/** A label as pages see it. */
export default class LabelTransformer extends AppTransformer<Label> {
  toObject() {
    return this.pick(this.resource, ['id', 'name', 'color'])
  }
}
