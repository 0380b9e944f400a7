package vn.dvc.result;

import org.springframework.stereotype.Component;

import vn.dvc.catalogue.OnlineCapability;

/** Tells the catalogue which agencies can sign electronic results (a level-4 service needs them). */
@Component
class ElectronicResultCapability implements OnlineCapability {

    private final SigningKeys keys;

    ElectronicResultCapability(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Offering offering() {
        return Offering.ELECTRONIC_RESULT;
    }

    @Override
    public boolean configuredFor(String agencyCode) {
        return keys.canSign(agencyCode);
    }
}
