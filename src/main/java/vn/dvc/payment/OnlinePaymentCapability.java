package vn.dvc.payment;

import org.springframework.stereotype.Component;

import vn.dvc.catalogue.OnlineCapability;

/** Tells the catalogue which agencies have a payment gateway account (a level-4 service with a fee needs one). */
@Component
class OnlinePaymentCapability implements OnlineCapability {

    private final Merchants merchants;

    OnlinePaymentCapability(Merchants merchants) {
        this.merchants = merchants;
    }

    @Override
    public Offering offering() {
        return Offering.ONLINE_PAYMENT;
    }

    @Override
    public boolean configuredFor(String agencyCode) {
        return merchants.configuredFor(agencyCode);
    }
}
