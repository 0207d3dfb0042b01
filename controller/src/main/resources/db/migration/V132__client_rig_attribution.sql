-- Payouts (V130..V149): the console's visibility link (client_rigs, V40) and the payout attribution
-- (rigs.account_id, V100) say the same thing, "this rig works for that client"; staff set it through
-- either PUT /api/v1/accounts/{a}/rigs/{rig} or the payouts service. This trigger keeps the
-- attribution in step with the link, for accounts that exist as client accounts (the visibility
-- link may name an account payouts do not know, e.g. before its contract is entered).
CREATE FUNCTION client_rigs_attribute() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE rigs SET account_id = NEW.account_id
         WHERE id = NEW.rig_id
           AND account_id IS DISTINCT FROM NEW.account_id
           AND EXISTS (SELECT 1 FROM client_accounts WHERE id = NEW.account_id);
        RETURN NEW;
    END IF;
    UPDATE rigs SET account_id = NULL WHERE id = OLD.rig_id AND account_id = OLD.account_id;
    RETURN OLD;
END $$;
CREATE TRIGGER client_rigs_attribution AFTER INSERT OR DELETE ON client_rigs
    FOR EACH ROW EXECUTE FUNCTION client_rigs_attribute();

-- Rigs linked before this migration whose account already exists.
UPDATE rigs r SET account_id = c.account_id
  FROM client_rigs c
 WHERE c.rig_id = r.id AND r.account_id IS NULL
   AND EXISTS (SELECT 1 FROM client_accounts a WHERE a.id = c.account_id);
