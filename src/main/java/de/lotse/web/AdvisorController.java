package de.lotse.web;

import de.lotse.decision.DecisionMetrics.Channel;
import de.lotse.decision.Language;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UrlPathHelper;

/**
 * The advisor form: {@code GET /} an empty form, {@code POST /advice} the result (or the form with its errors),
 * {@code POST /edit} back to the filled form, {@code POST /advice/pdf} the protocol. Case data only travels in
 * POST bodies — never in an address, which would end up in logs and browser histories — and is not stored.
 * A POST whose security token is missing or stale comes back as the filled form ({@link #tokenRejected}).
 */
@Controller
class AdvisorController {

    /** Where security.SecurityConfig forwards a form POST whose CSRF token is missing or stale. */
    static final String TOKEN_REJECTED = "/advice/token-rejected";

    private final FormAdvisor advisor;
    private final CaseFormMapper mapper;
    private final AdviceViews views;
    private final FormOptions options;
    private final Countries countries;
    private final ProtocolPdf pdf;
    private final Clock clock;

    AdvisorController(FormAdvisor advisor, CaseFormMapper mapper, AdviceViews views, FormOptions options,
                      Countries countries, ProtocolPdf pdf, Clock clock) {
        this.advisor = advisor;
        this.mapper = mapper;
        this.views = views;
        this.options = options;
        this.countries = countries;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping("/")
    String form(Model model, Locale locale) {
        CaseForm form = new CaseForm()
                .set("assessmentDate", LocalDate.now(clock).toString())
                .set("goal", "ANY")
                .set(FormFields.JOB_OFFER, "false");
        return formPage(model, form, List.of(), false, locale);
    }

    /** A result is the answer to a POST: opened as an address (bookmark, history) it starts a new case. */
    @GetMapping({"/advice", "/edit", "/advice/pdf"})
    String startAgain() {
        return "redirect:/";
    }

    @PostMapping("/advice")
    String advise(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
                  HttpServletResponse response) {
        CaseForm form = CaseForm.from(params);
        FormAdvisor.Result result = advisor.advise(form, locale, Channel.FORM);
        if (result instanceof FormAdvisor.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(model, form, invalid.errors(), true, locale);
        }
        FormAdvisor.Advised advised = (FormAdvisor.Advised) result;
        model.addAttribute("form", mapper.forPage(form, locale));
        model.addAttribute("view", views.result(advised, form.jobOfferDetailsIgnored(), locale));
        model.addAttribute("fields", FormFields.ALL);
        return "result";
    }

    /** Back to the filled form; the case as it is now becomes the previous variant of the next result. */
    @PostMapping("/edit")
    String edit(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        return formPage(model, edited(params, locale), List.of(), true, locale);
    }

    private CaseForm edited(MultiValueMap<String, String> params, Locale locale) {
        CaseForm form = CaseForm.from(params);
        boolean fromResult = "result".equals(params.getFirst("from"));
        if (fromResult) {
            String current = advisor.requestJson(form, locale);
            if (!current.isEmpty()) {
                form.previousCase(current);
            }
        }
        return form;
    }

    /**
     * A form POST ({@code /advice}, {@code /edit}, {@code /advice/pdf}) whose CSRF token was missing or stale,
     * forwarded here by the security filter with status 403: the form again with everything that was entered (from
     * {@code /edit}: with its previous variant, as {@code /edit} would), a valid token, and a notice to check and
     * send again. Nothing is decided: the POST is not verified. Only that forward reaches this address.
     */
    @PostMapping(TOKEN_REJECTED)
    String tokenRejected(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
                         HttpServletRequest request, HttpServletResponse response) {
        if (request.getDispatcherType() != DispatcherType.FORWARD) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        UrlPathHelper paths = new UrlPathHelper();
        String sentTo = paths.getOriginatingRequestUri(request)
                .substring(paths.getOriginatingContextPath(request).length());
        CaseForm form = "/edit".equals(sentTo) ? edited(params, locale) : CaseForm.from(params);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("tokenRejected", true);
        return formPage(model, form, List.of(), true, locale);
    }

    @PostMapping("/advice/pdf")
    Object protocol(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
                    HttpServletResponse response) {
        CaseForm form = CaseForm.from(params).previousCase("");
        FormAdvisor.Result result = advisor.advise(form, locale, Channel.PDF);
        if (result instanceof FormAdvisor.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(model, form, invalid.errors(), true, locale);
        }
        FormAdvisor.Advised advised = (FormAdvisor.Advised) result;
        ResultView view = views.result(advised, form.jobOfferDetailsIgnored(), locale);
        String created = ZonedDateTime.now(clock).format(DateTimeFormatter.ofPattern(
                Languages.of(locale) == Language.de ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm"));
        byte[] body = pdf.render(view, Map.of("created", created), locale);
        String name = (Languages.of(locale) == Language.de ? "beratungsprotokoll-" : "advice-protocol-")
                + advised.advice().assessmentDate() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String formPage(Model model, CaseForm form, List<FormError> errors, boolean filled, Locale locale) {
        Language language = Languages.of(locale);
        model.addAttribute("form", mapper.forPage(form, locale));
        model.addAttribute("sections", FormFields.SECTIONS);
        model.addAttribute("errors", errors);
        model.addAttribute("errorsByField", errors.stream().filter(e -> !e.path().isEmpty())
                .collect(Collectors.toMap(FormError::path, e -> e, (a, b) -> a)));
        model.addAttribute("generalErrors", errors.stream().filter(e -> e.path().isEmpty()).toList());
        model.addAttribute("countries", countries.all(language));
        model.addAttribute("professions", options.professions(language));
        model.addAttribute("iscoCodes", options.iscoCodes(language));
        model.addAttribute("withoutEmptyChoice", FormFields.WITHOUT_EMPTY_CHOICE);
        model.addAttribute("filled", filled);
        return "form";
    }
}
