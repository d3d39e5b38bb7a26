-- Webhooks as receivers expect them (Standard Webhooks, rotation, one subscription at a time per node)
-- and their secrets encrypted at rest.
-- secret holds the signing secret encrypted (SecretCipher: v1:<key id>:<base64>), never in clear; the Java
-- migration 2026.12.02.11 (webhook.WebhookSecretsEncryption) encrypts the ones stored before in clear.
alter table webhook_subscription alter column secret set data type varchar(500);
-- During a rotation the replaced secret, encrypted too, still signs until previous_secret_expires_at.
alter table webhook_subscription add column previous_secret varchar(500);
alter table webhook_subscription add column previous_secret_expires_at timestamp with time zone;
-- The node that sends this subscription's deliveries (one at a time, in order) holds it until lease_until;
-- another node takes it over once that passed. Replaces the claim on each delivery.
alter table webhook_subscription add column lease_owner varchar(64);
alter table webhook_subscription add column lease_until timestamp with time zone;
alter table webhook_delivery drop column claimed_until;
-- A subscription's next delivery: its oldest pending one.
create index webhook_delivery_lane_idx on webhook_delivery (subscription_id, status, id);
