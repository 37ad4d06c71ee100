-- A licence number identifies one provider; registering it twice is a 409 naming licenseNo.
ALTER TABLE provider ADD UNIQUE KEY uq_provider__license_no (license_no);
ALTER TABLE provider ADD KEY ix_provider_listing (created_at, id);
