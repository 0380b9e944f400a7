package vn.dvc.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.PageResult;

/** The public pages: every agency of the province by level, and one agency with its history. */
@Controller
@RequestMapping("/agencies")
class AgencyPages {

    private final Agencies agencies;

    AgencyPages(Agencies agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer page, Model model) {
        AgencyLevel chosen = AgencySearch.level(level);
        PageResult<Agency> result = AgencySearch.page(agencies.active(null), q, chosen, page);
        model.addAttribute("q", q);
        model.addAttribute("level", chosen);
        model.addAttribute("levels", AgencyLevel.values());
        model.addAttribute("page", result);
        model.addAttribute("groups", AgencySearch.groups(result.items()));
        model.addAttribute("baseUrl", AgencySearch.pagerBase("/agencies", q, chosen));
        return "organisation/agencies";
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, Model model) {
        Agency agency = agencies.find(code)
                .orElseThrow(() -> new NotFoundException("organisation.agency.not-found", code));
        model.addAttribute("agency", agency);
        model.addAttribute("parent", agencies.find(agency.parentCode()).orElse(null));
        model.addAttribute("successor", agencies.find(agency.successorCode()).orElse(null));
        model.addAttribute("children", agencies.children(code));
        model.addAttribute("names", agencies.names(code));
        model.addAttribute("changes", agencies.changes(code));
        return "organisation/agency";
    }
}
