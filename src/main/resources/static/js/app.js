/* Progressive enhancement only: every page works without this file (CSP: script-src 'self', no inline script). */
(function () {
  'use strict';

  function onReady(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  onReady(function () {
    // After a submission with errors: move the focus to the list of errors, so screen readers announce it.
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }

    // Job offer: the details matter only with "yes". Hide (not disable) them with "no", so they still travel.
    var yes = document.getElementById('jobOffer');
    var no = document.getElementById('jobOffer-no');
    var details = document.querySelectorAll('.job-detail');
    var profession = document.getElementById('qualification-profession');
    var isco = document.getElementById('jobOffer-iscoCode');
    function jobOfferShown() {
      return !no || !no.checked;
    }
    // Profession → suggest its typical ISCO code for the job, when there is a job offer and no code yet.
    function suggestIsco() {
      if (!profession || !isco || isco.value || !jobOfferShown()) {
        return;
      }
      var option = profession.options[profession.selectedIndex];
      var code = option && option.getAttribute('data-isco');
      if (code) {
        isco.value = code;
      }
    }
    function toggleJobDetails() {
      var show = jobOfferShown();
      for (var i = 0; i < details.length; i++) {
        details[i].hidden = !show;
      }
      suggestIsco();
    }
    if (yes && no) {
      yes.addEventListener('change', toggleJobDetails);
      no.addEventListener('change', toggleJobDetails);
      toggleJobDetails();
    }
    if (profession) {
      profession.addEventListener('change', suggestIsco);
    }

    // Print button; before printing open the closed pathways so that their reasons appear on paper (checklists print
    // as they are on screen: the advisor opens the ones to hand out).
    var printButtons = document.querySelectorAll('.js-print');
    for (var j = 0; j < printButtons.length; j++) {
      printButtons[j].hidden = false;
      printButtons[j].addEventListener('click', function () { window.print(); });
    }
    var opened = [];
    window.addEventListener('beforeprint', function () {
      var closed = document.querySelectorAll('details.closed-pathway:not([open])');
      for (var k = 0; k < closed.length; k++) {
        closed[k].open = true;
        opened.push(closed[k]);
      }
    });
    window.addEventListener('afterprint', function () {
      while (opened.length) {
        opened.pop().open = false;
      }
    });
  });
}());
