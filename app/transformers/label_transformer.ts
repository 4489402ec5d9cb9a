import type Label from '#models/label'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** A label as pages see it. */
export default class LabelTransformer extends BaseTransformer<Label> {
  toObject() {
    return this.pick(this.resource, ['id', 'name', 'color'])
  }
}
