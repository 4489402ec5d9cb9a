/*
 * Every API resource's description (its operations, schemas and serializers). Importing this
 * registers the operations the API middleware and the OpenAPI document read.
 */
import '#api/resources/activity'
import '#api/resources/comments'
import '#api/resources/labels'
import '#api/resources/me'
import '#api/resources/members'
import '#api/resources/projects'
import '#api/resources/tasks'
import '#api/resources/tokens'
