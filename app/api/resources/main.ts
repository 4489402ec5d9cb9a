/*
 * Every API resource's description (its operations, schemas and serializers). Importing this
 * registers the operations the API middleware and the OpenAPI document read.
 */
import '#api/resources/tasks'
import '#api/resources/tokens'
